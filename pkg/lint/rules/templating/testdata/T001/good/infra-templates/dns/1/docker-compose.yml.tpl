dns:
  image: rancher/external-dns:v0.7.11
  labels:
    template: "{{`{{`}} .Name {{`}}`}}"
  command:
  {{- range $i, $e := splitPreserveQuotes .Values.ARGS }}
    - {{ $e | quote }}
  {{- end }}
