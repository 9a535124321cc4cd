"""Stories: named collections of articles whose events gather into one chronology."""
