-- Typo corrections run on the title-word dictionary the search index keeps in memory (docs/decisions/0041).
DROP TABLE "catalog"."search_words" CASCADE;