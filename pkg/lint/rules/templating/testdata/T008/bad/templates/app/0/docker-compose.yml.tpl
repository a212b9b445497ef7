version: '2'
services:
  web:
    image: nginx:1.25
    environment:
      TOKEN: "{{ env "CATALOGEN_T008_SECRET" }}"  # want T008:18 "`env` reads the environment of the Rancher server that renders the template, not of the deployed stack"
      HOSTS: "{{ expandenv "$HOME" }}"  # want T008:18 "`expandenv` reads the environment of the Rancher server that renders the template, not of the deployed stack"
      BUILT: "{{ now | date "2006" }}"  # want T008:18 "`now` reads the clock of the Rancher server that renders the template, not of the deployed stack"
      ID: "{{ uuidv4 }}-{{ randAlphaNum 8 }}"  # want T008:15 "`uuidv4` reads randomness of the Rancher server that renders the template, not of the deployed stack" T008:28 "`randAlphaNum` reads randomness of the Rancher server that renders the template, not of the deployed stack"
      DNS: "{{ getHostByName "example.com" }}"  # want T008:16 "`getHostByName` reads the network \\(a DNS query\\) of the Rancher server that renders the template"
      KEY: "{{ genPrivateKey "rsa" | b64enc }}"  # want T008:16 "`genPrivateKey` reads randomness of the Rancher server that renders the template, not of the deployed stack"
