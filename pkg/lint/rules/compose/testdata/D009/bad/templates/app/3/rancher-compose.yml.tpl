version: "2"
services:
  web:
    scale: 1
     health_check:  # want D009
