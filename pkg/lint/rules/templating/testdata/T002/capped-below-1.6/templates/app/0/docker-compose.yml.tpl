web:
  image: nginx:1.25
  {{- if (ne .Values.A "true") and .Values.A }}  # want T002:info
  command: x
  {{- end }}
