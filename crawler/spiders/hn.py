from crawler.ats.hn import HNFeedSpider


class HNSpider(HNFeedSpider):
    name = "hn"
