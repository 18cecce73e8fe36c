from crawler.ats.smartrecruiters import SmartRecruitersBoardSpider


class SmartRecruitersSpider(SmartRecruitersBoardSpider):
    name = "smartrecruiters"
