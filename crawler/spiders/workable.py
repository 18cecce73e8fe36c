from crawler.ats.workable import WorkableBoardSpider


class WorkableSpider(WorkableBoardSpider):
    name = "workable"
