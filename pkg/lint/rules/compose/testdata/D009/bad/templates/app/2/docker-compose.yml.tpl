# notemplating
version: "2"
services:
  web:
    image: "{{.ID}}"
   labels:  # want D009
      a: b
