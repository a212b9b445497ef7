version: '2'
.catalog:
  name: web
  version: 1.0.1
services:
  web:
    scale: 1
