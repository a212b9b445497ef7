version: '2'
services:
  web:
    image: nginx:1.25
    mem_swappiness: ${SWAP}
    cpu_shares: ${CPU}
{{- if eq .Values.DEBUG "true" }}
    stdin_opn: true  # want D002:5 `service "web": "stdin_opn" is not a key Rancher's executor accepts \(it rejects the stack`
{{- end }}
{{- if eq .Values.DEBUG "false" }}
    tty_: true
{{- end }}
    privileged: {{ .Values.DEBUG }}
    oom_score_adj: {{ .Values.NEEDED }}
