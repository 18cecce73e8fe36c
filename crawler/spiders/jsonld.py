from crawler.ats.jsonld import JsonLdSitemapSpider


class JsonLdSpider(JsonLdSitemapSpider):
    name = "jsonld"
