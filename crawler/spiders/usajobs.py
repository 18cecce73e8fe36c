from crawler.ats.usajobs import USAJobsFeedSpider


class USAJobsSpider(USAJobsFeedSpider):
    name = "usajobs"
