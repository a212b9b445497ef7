version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.ENABLE_TLS true }}  # want T006
    ports:
      - 443:443
    {{- end }}
    {{- if ne $.Values.DEBUG false }}  # want T006
    environment:
      DEBUG: "1"
    {{- end }}
    {{- if gt .Values.WORKERS 3 }}  # want T006
    labels:
      big: "true"
    {{- end }}
    {{- if .Values.WORKERS | eq 1 }}  # want T006
    {{- end }}
