"""Reading article input: files, HTML pages and fragments, manifests, archives, headlines and datelines."""
