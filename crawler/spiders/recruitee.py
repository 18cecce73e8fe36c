from crawler.ats.recruitee import RecruiteeBoardSpider


class RecruiteeSpider(RecruiteeBoardSpider):
    name = "recruitee"
