"""The site's own search: an index cut into small script files that a query loads on
demand, over http and from ``file://`` alike. ``DESIGN.md`` says why and how."""
