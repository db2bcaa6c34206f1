import { mailingFieldNames } from './mailing-field-names';

/**
 * Header names for every Autopilot standard field but Email (field-synonyms.ts has those), in
 * English, Catalan, Spanish, French and German and as common exports spell them. Compared through
 * compactHeader, so case, accents, spaces and punctuation do not matter; earlier names rank higher.
 */
export interface StandardFieldNames {
  readonly key: string;
  /** Whole-header names: `Nachname` is the last name. */
  readonly names: readonly string[];
  /**
   * Words that still name the field inside a longer header (`Billing City`, `Ciutat de
   * facturació`, `Customer First Name`). Kept short on purpose: `First` alone must not turn
   * `First order` into a first name.
   */
  readonly heads?: readonly string[];
}

/** Every standard field except Email, in the order the matching screen lists them. */
export const standardFieldNames: readonly StandardFieldNames[] = [
  {
    key: 'FirstName',
    heads: ['First name', 'Given name', 'Nom de pila', 'Nombre', 'Prénom', 'Vorname'],
    names: [
      'First name',
      'Firstname',
      'Given name',
      'Forename',
      'First',
      'Nom de pila',
      'Nombre',
      'Nombre de pila',
      'Primer nombre',
      'Prénom',
      'Vorname',
      'Rufname',
    ],
  },
  {
    key: 'LastName',
    heads: [
      'Last name',
      'Surname',
      'Family name',
      'Cognoms',
      'Cognom',
      'Apellidos',
      'Apellido',
      'Nom de famille',
      'Nachname',
    ],
    names: [
      'Last name',
      'Lastname',
      'Surname',
      'Family name',
      'Last',
      'Cognoms',
      'Cognom',
      'Primer cognom',
      'Apellidos',
      'Apellido',
      'Primer apellido',
      'Nom de famille',
      'Nachname',
      'Familienname',
      'Zuname',
    ],
  },
  {
    key: 'Salutation',
    names: [
      'Salutation',
      'Greeting',
      'Courtesy title',
      'Prefix',
      'Tractament',
      'Tratamiento',
      'Saludo',
      'Civilité',
      'Anrede',
      'Briefanrede',
    ],
  },
  {
    key: 'Company',
    heads: [
      'Company',
      'Company name',
      'Empresa',
      'Companyia',
      'Entreprise',
      'Société',
      'Unternehmen',
      'Firma',
    ],
    names: [
      'Company',
      'Company name',
      'Organisation',
      'Organization',
      'Account name',
      'Parent customer',
      'ParentCustomerIdName',
      'Empresa',
      'Companyia',
      'Compañía',
      'Organització',
      'Organización',
      'Entreprise',
      'Société',
      'Nom de l’entreprise',
      'Firma',
      'Unternehmen',
      'Firmenname',
    ],
  },
  {
    key: 'Title',
    heads: ['Job title', 'Càrrec', 'Cargo', 'Puesto'],
    names: [
      'Title',
      'Job title',
      'JobTitle',
      'Position',
      'Role',
      'Càrrec',
      'Lloc de treball',
      'Cargo',
      'Puesto',
      'Puesto de trabajo',
      'Poste',
      'Fonction',
      'Intitulé du poste',
      'Berufsbezeichnung',
      'Jobtitel',
      'Funktion',
    ],
  },
  {
    key: 'Industry',
    names: ['Industry', 'Sector', 'Indústria', 'Industria', 'Secteur', 'Branche', 'Industrie'],
  },
  {
    key: 'NumberOfEmployees',
    names: [
      'Number of employees',
      'NumberOfEmployees',
      'Employees',
      'Nombre de treballadors',
      'Treballadors',
      'Empleats',
      'Número de empleados',
      'Empleados',
      'Nombre d’employés',
      'Effectif',
      'Mitarbeiter',
      'Anzahl Mitarbeiter',
      'Mitarbeiterzahl',
    ],
  },
  {
    key: 'Phone',
    heads: ['Phone', 'Telephone', 'Telèfon', 'Teléfono', 'Téléphone', 'Telefon'],
    names: [
      'Phone',
      'Telephone',
      'Phone number',
      'Telephone1',
      'PrimaryPhone',
      'Business phone',
      'Work phone',
      'Tel',
      'Telèfon',
      'Teléfono',
      'Téléphone',
      'Telefon',
      'Telefonnummer',
    ],
  },
  {
    key: 'MobilePhone',
    heads: ['Mobile', 'Mobile phone', 'Mòbil', 'Móvil', 'Portable', 'Handy'],
    names: [
      'Mobile phone',
      'MobilePhone',
      'Mobile',
      'Mobile number',
      'Cell phone',
      'Cell',
      'Mòbil',
      'Telèfon mòbil',
      'Móvil',
      'Teléfono móvil',
      'Celular',
      'Téléphone portable',
      'Portable',
      'Handy',
      'Mobiltelefon',
      'Mobilnummer',
    ],
  },
  { key: 'Fax', names: ['Fax', 'Fax number', 'Telefax'] },
  {
    key: 'Website',
    heads: ['Website', 'Lloc web', 'Sitio web', 'Site web', 'Webseite'],
    names: [
      'Website',
      'Web site',
      'Web',
      'URL',
      'Homepage',
      'Web page',
      'Lloc web',
      'Pàgina web',
      'Sitio web',
      'Página web',
      'Site web',
      'Site internet',
      'Webseite',
      'Internetseite',
    ],
  },
  { key: 'LinkedIn', names: ['LinkedIn', 'LinkedIn URL', 'LinkedIn profile'] },
  { key: 'Twitter', names: ['Twitter', 'Twitter handle'] },
  ...mailingFieldNames,
  {
    key: 'LeadSource',
    names: ['Lead source', 'LeadSource', 'Source', 'Origen', 'Font', 'Origine', 'Quelle'],
  },
  { key: 'Status', names: ['Status', 'Lead status', 'Estat', 'Statut'] },
];

/**
 * `Nom` is the first name in Catalan but the surname in French. A French file says so by also
 * having `Prénom`; otherwise (and our first users write Catalan) it is the first name.
 */
export const ambiguousNom = { name: 'Nom', frenchCompanion: 'Prénom' } as const;
