version: {{ .Values.V }}  # want D001
services:
  web:
    image: nginx:1.25
