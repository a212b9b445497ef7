version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TLS_KEY: {{ .Values.TLS_KEY }}  # want T007
      DB_PASSWORD: {{ .Values.DB_PASSWORD | trim }}  # want T007
      API_TOKEN: '{{ index .Values "API_TOKEN" }}'  # want T007
