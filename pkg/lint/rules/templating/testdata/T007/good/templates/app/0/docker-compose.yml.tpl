version: '2'
services:
  web:
    image: nginx:{{ .Values.TAG }}
    environment:
      TLS_KEY: ${TLS_KEY}
      DB_PASSWORD: ${DB_PASSWORD}
      {{- if .Values.DB_PASSWORD }}
      HAS_PASSWORD: "true"
      {{- end }}
    labels:
      cert: {{ .Values.TLS_KEY | quote }}
    command: |
      {{ .Values.TLS_KEY | indent 6 | trim }}
