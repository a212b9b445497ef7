version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TLS_CERT: {{ .Values.TLS_CERT }}  # want T005
      OTHER: "1"
