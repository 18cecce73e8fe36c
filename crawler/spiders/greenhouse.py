from crawler.ats.greenhouse import GreenhouseBoardSpider


class GreenhouseSpider(GreenhouseBoardSpider):
    name = "greenhouse"
