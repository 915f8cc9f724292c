// Identity, name and channel shapes live with the core (it validates them too); re-exported here
// for the stores that check what they keep.
export * from "../core/identity.js";
