"""Small trained models over what the rules read (numpy/scipy only, weights as JSON in the
package): `genre` tells whether an article reports a new strike at all."""
