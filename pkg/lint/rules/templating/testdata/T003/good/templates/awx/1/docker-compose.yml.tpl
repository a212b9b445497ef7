web:
  image: ansible/awx_web:{{ .Values.AWX_VERSION }}
