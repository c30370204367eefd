// A phone number in an emergency or handoff reply: 3 or more digits, with spaces or dashes between.
const PHONE = /(\+?\d[\d -]{1,18}\d)/g

/** Text whose phone numbers are tel: links, so a patient on a phone can call with one tap. */
export function PhoneText ({ text }: { text: string }) {
  const parts = text.split(PHONE)
  return (
    <>
      {parts.map((part, index) => index % 2 === 1 && part.replace(/\D/g, '').length >= 3
        ? <a key={index} href={`tel:${part.replace(/[^\d+]/g, '')}`}>{part}</a>
        : part)}
    </>
  )
}
