from crawler.ats.personio import PersonioBoardSpider


class PersonioSpider(PersonioBoardSpider):
    name = "personio"
