version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.sidekicks: web-data{{ if eq .Values.CONF "true" }},web-conf{{ end }}  # want S001:1 "sidekick web-conf of service web is not a service of this stack: Rancher fails with \"Failed to find sidekick"
  web-data:
    image: busybox:1.36
