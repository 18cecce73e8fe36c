from crawler.ats.lever import LeverBoardSpider


class LeverSpider(LeverBoardSpider):
    name = "lever"
