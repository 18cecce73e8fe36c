from crawler.ats.remoteok import RemoteOKFeedSpider


class RemoteOKSpider(RemoteOKFeedSpider):
    name = "remoteok"
