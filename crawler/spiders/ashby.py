from crawler.ats.ashby import AshbyBoardSpider


class AshbySpider(AshbyBoardSpider):
    name = "ashby"
