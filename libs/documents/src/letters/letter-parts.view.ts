/** The parts every letter of a grants office has: who writes, to whom, who signs. */
export interface AuthorityView {
  /** "Bezirksregierung Arnsberg" or the ministry. */
  name: string;
  /** "Dezernat 48 – Schulische Bildung". */
  department?: string;
  /** Postal address, one line each: "Seibertzstraße 1", "59821 Arnsberg". */
  addressLines: string[];
  /** Where the letter is dated: "Arnsberg" in "Arnsberg, 15. März 2026". */
  place: string;
  contact?: ContactView;
}

export interface ContactView {
  name: string;
  phone?: string;
  email?: string;
  /** Room, office hours or the like, as one line. */
  note?: string;
}

export interface RecipientView {
  /** "Kreis Unna". */
  name: string;
  /** Official municipality key, kept for machines; shown small under the address. */
  ags?: string;
  /** "Der Landrat", "Friedrich-Ebert-Straße 17", "59425 Unna". */
  addressLines: string[];
}

export interface SignatureView {
  name: string;
  /** "Regierungsdirektorin". */
  role?: string;
  /** "Im Auftrag" (i. A.) or "In Vertretung" (i. V.); none when the head of the authority signs. */
  capacity?: 'Im Auftrag' | 'In Vertretung';
}
