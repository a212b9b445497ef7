version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.ENABLE_TLS true }}  # want T006:34 "`eq .Values.ENABLE_TLS true` compares the answer .Values.ENABLE_TLS, which is always a string"
    ports:
      - 443:443
    {{- end }}
    {{- if ne $.Values.DEBUG false }}  # want T006:30 "`ne \\$.Values.DEBUG false` compares the answer .Values.DEBUG, which is always a string, with the unquoted"
    environment:
      DEBUG: "1"
    {{- end }}
    {{- if gt .Values.WORKERS 3 }}  # want T006:31 "`gt .Values.WORKERS 3` compares the answer .Values.WORKERS, which is always a string, with the unquoted"
    labels:
      big: "true"
    {{- end }}
    {{- if .Values.WORKERS | eq 1 }}  # want T006:33 "`.Values.WORKERS \\| eq 1` compares the answer .Values.WORKERS, which is always a string, with the unquoted"
    {{- end }}
