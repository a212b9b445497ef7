version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: web-data{{ if eq .Values.CONF "true" }},web-conf{{ end }}
  web-data:
    image: busybox:1.36
