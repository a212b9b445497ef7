web:
  image: nginx:1.25
  {{- range $k, $v := .Values }}
  # {{ .Name }}
  {{- end }}
  {{- if .Name }}  # want T009
  labels:
    a: b
  {{- end }}
