version: '2'
services:
  web:
    image: ansible/awx_web:{{ .Values.AWX_VERSION }}
    labels:
      stack: {{ .Stack.Name }}-{{ .Release.Version }}-{{ .Environment.Name }}
    {{- if .Values.HOST_LABEL }}
      io.rancher.scheduler.affinity:host_label: ${HOST_LABEL}
    {{- end }}
    {{- with .Values }}
      other: {{ .NOT_CHECKED_INSIDE_WITH }}
    {{- end }}
