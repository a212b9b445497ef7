version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TOKEN: ${API_TOKEN}
      NAME: "{{ .Values.NAME | default "web" | upper }}"
      # env "X" in a comment is text, not a call
      DATE: "{{ "2000-01-01" | toDate "2006-01-02" | date "2006" }}"
