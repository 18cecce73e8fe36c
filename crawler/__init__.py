"""The Scrapy project: spiders collect raw responses into SQLite; nothing is interpreted here."""
