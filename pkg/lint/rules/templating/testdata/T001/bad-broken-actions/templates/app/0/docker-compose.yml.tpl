version: '2'
services:
  web:
    image: nginx:{{ .Values.TAG | upcase }}  # want T001
