package scheduling

import "strconv"

// quote shows a value in a message.
func quote(s string) string { return strconv.Quote(s) }
