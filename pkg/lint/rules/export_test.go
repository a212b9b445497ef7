package rules

// FamilyOrder is the registry's list of families, for tests.
var FamilyOrder = familyOrder
