web:
  image: nginx:1.25
  {{- range $k, $v := .Values }}
  # {{ .Name }}
  {{- end }}
  {{- if .Name }}  # want T009:10 `.Name is not in the data Rancher templates docker-compose.yml.tpl with \(.Values, .Stack, .Release`
  labels:
    a: b
  {{- end }}
