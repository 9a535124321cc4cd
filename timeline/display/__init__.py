"""Display helpers shared by pages, the admin and exports: dates in words, phrases marked in their sentence."""
