version: {{ .Values.V }}  # want D001:error
services:
  web:
    image: nginx:1.25
