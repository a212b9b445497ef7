version: '2'
services:
  web:
    image: nginx:1.25
    command: ["nginx", "-g", {{ if eq .Values.DAEMON true }}"daemon off;"{{ end }}]  # want T005
