version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.ENABLE_TLS "true" }}
    ports:
      - 443:443
    {{- end }}
    {{- if gt (atoi .Values.WORKERS) 3 }}
    labels:
      big: "true"
    {{- end }}
    {{- range $i, $e := until (atoi .Values.WORKERS) }}
    {{- if eq $i 0 }}
    {{- end }}
    {{- end }}
    {{- if eq (len .Values.ENABLE_TLS) 4 }}
    {{- end }}
