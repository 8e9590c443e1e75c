"""Writers: a scorecard as JSON-LD (EARL), Dutch HTML, JUnit XML, and the files of a run."""
