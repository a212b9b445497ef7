version: '2'
services:
  backup:
    image: alpine:3.10
    {{- if eq .Values.DEBUG "true" }}
    volumes:
    {{- range $i, $e := until 2 }}
      - ${DISK}{{ $i }}:/data{{ $i }}
    {{- end }}
    command: echo ${{ "{" }}DISK}
    {{- end }}
