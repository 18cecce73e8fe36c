from crawler.ats.remotive import RemotiveFeedSpider


class RemotiveSpider(RemotiveFeedSpider):
    name = "remotive"
