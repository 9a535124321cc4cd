"""Named entities (people, organisations, places) of stored sentences, for the story filters."""
