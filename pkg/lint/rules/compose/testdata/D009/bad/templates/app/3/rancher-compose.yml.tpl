version: "2"
services:
  web:
    scale: 1
     health_check:  # want D009:6 `rancher-compose.yml.tpl is not valid YAML \(mapping values are not allowed in this context\)`
